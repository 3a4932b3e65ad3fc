global using System.Globalization;
global using NodaTime;
