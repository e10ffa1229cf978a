global using FluentAssertions;
global using Microsoft.VisualStudio.TestTools.UnitTesting;
global using Range = DualGauge.Protocol.Basic.Range;
