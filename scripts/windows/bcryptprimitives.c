/* Test-only stand-in for Windows' bcryptprimitives.dll, which Wine 8 lacks.
 * Rust's standard library (Windows 10+) gets random bytes from ProcessPrng in that DLL; here it
 * is implemented with SystemFunction036 (RtlGenRandom, advapi32). Built by
 * scripts/windows/wine-env.sh and placed beside binaries that run under Wine. NEVER shipped:
 * real Windows 10/11 has the real DLL. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
