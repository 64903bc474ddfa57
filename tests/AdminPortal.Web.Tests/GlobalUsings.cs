global using AdminPortal.Testing;
global using static AdminPortal.Testing.TestCancellation;
