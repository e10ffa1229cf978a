// System.Range is never used here; every Range is the LSP one.
global using Range = DualGauge.Protocol.Basic.Range;
