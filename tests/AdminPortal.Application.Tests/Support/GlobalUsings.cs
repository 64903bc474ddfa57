global using AdminPortal.Application.Common;
global using AdminPortal.Application.Tests.Support;
global using AdminPortal.Domain.Common;
global using AdminPortal.Testing;
global using static AdminPortal.Testing.TestCancellation;
