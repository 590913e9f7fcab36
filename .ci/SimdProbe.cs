// CI's width probe (run by .ci/run as `dotnet run .ci/SimdProbe.cs` under each width setting): prints the SIMD widths
// this process sees and the path the generated dispatchers take, and exits 1 when they are not what the setting
// implies on this machine's hardware (read from /proc/cpuinfo, which the DOTNET_* switches do not change). A setting
// that cannot take effect here (e.g. DOTNET_MaxVectorTBitWidth=512 without AVX-512) is said so plainly.
// The dispatch rule mirrors the generator's EmitDispatcher: Vector512.IsHardwareAccelerated -> Run512,
// else Vector.IsHardwareAccelerated -> RunVector, else RunScalar.
using System;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

string[] flags = File.Exists("/proc/cpuinfo")
    ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal))?
        .Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? Array.Empty<string>()
    : Array.Empty<string>();
bool Has(string f) => flags.Contains(f);
bool hw512 = new[] { "avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl" }.All(Has);
bool hwAvx2 = Has("avx2");
bool hwAvx = Has("avx");
bool x86 = Has("sse2");

string Env(string name) => Environment.GetEnvironmentVariable(name) ?? "";
bool maxWidth512 = Env("DOTNET_MaxVectorTBitWidth") == "512";
// .NET 10 reads DOTNET_EnableAVX512 (one switch for F/BW/CD/DQ/VL); the .NET 8/9 name DOTNET_EnableAVX512F is ignored.
bool no512 = Env("DOTNET_EnableAVX512") == "0";
bool oldNo512 = Env("DOTNET_EnableAVX512F") == "0";
bool noAvx = Env("DOTNET_EnableAVX") == "0";
bool noIntrinsics = Env("DOTNET_EnableHWIntrinsic") == "0";
string setting = args.Length > 0 ? args[0] : "default";

string dispatch = Vector512.IsHardwareAccelerated ? "Run512 (Vector512)"
    : Vector.IsHardwareAccelerated ? $"RunVector (Vector<double>.Count = {Vector<double>.Count})"
    : "RunScalar (no acceleration)";
Console.WriteLine($"probe [{setting}]: Vector<byte>.Count = {Vector<byte>.Count}, Vector<double>.Count = {Vector<double>.Count}, " +
    $"Vector.IsHardwareAccelerated = {Vector.IsHardwareAccelerated}, Vector512.IsHardwareAccelerated = {Vector512.IsHardwareAccelerated}, " +
    $"Avx512F.IsSupported = {Avx512F.IsSupported}, Avx2.IsSupported = {Avx2.IsSupported}; dispatchers take {dispatch}");

if (!x86)
{
    Console.WriteLine($"probe [{setting}]: not an x86 machine: the expectations below are x86's; nothing asserted");
    return 0;
}

// What the setting implies on this hardware.
bool expect512 = hw512 && !no512 && !noAvx && !noIntrinsics;
bool expectAccelerated = !noIntrinsics;
int expectBytes = noIntrinsics ? 16 : noAvx || !hwAvx2 ? 16 : maxWidth512 && expect512 ? 64 : 32;

if (maxWidth512 && !hw512)
    Console.WriteLine($"probe [{setting}]: this machine has no AVX-512: the setting cannot take effect, Vector<T> stays {expectBytes * 8}-bit");
if (oldNo512 && !no512 && Vector512.IsHardwareAccelerated)
    Console.WriteLine($"probe [{setting}]: DOTNET_EnableAVX512F=0 has no effect on .NET {Environment.Version.Major} (it reads DOTNET_EnableAVX512): this run repeats the default");
if (no512 && !hw512)
    Console.WriteLine($"probe [{setting}]: this machine has no AVX-512: the setting changes nothing (the default run already takes RunVector)");
if (noAvx && !hwAvx)
    Console.WriteLine($"probe [{setting}]: this machine has no AVX: the setting changes nothing");
if (!expect512)
    Console.WriteLine($"probe [{setting}]: the public entry points take no Vector512 path here; the 512-bit kernels run only through " +
        "the tests that call Run512 directly (software-emulated Vector512)");

var errors = new System.Collections.Generic.List<string>();
if (Vector<byte>.Count != expectBytes) errors.Add($"Vector<byte>.Count = {Vector<byte>.Count}, expected {expectBytes}");
if (Vector.IsHardwareAccelerated != expectAccelerated) errors.Add($"Vector.IsHardwareAccelerated = {Vector.IsHardwareAccelerated}, expected {expectAccelerated}");
if (Vector512.IsHardwareAccelerated != expect512) errors.Add($"Vector512.IsHardwareAccelerated = {Vector512.IsHardwareAccelerated}, expected {expect512}");
if (Avx512F.IsSupported != expect512) errors.Add($"Avx512F.IsSupported = {Avx512F.IsSupported}, expected {expect512}");
foreach (string e in errors)
    Console.WriteLine($"probe [{setting}]: FAILED: {e}");
return errors.Count == 0 ? 0 : 1;
