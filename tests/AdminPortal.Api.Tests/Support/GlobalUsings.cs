global using System.Net;
global using System.Text.Json;
global using AdminPortal.Api.Tests.Support;
global using AdminPortal.Domain.Common;
global using AdminPortal.Testing;
global using static AdminPortal.Testing.TestCancellation;
