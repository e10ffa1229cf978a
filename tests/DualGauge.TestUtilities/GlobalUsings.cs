global using Range = DualGauge.Protocol.Basic.Range;
