/* libfuzzer.c: libFuzzer's entry point for one target. fuzz.am compiles this
 * file once per target with -DFUZZ_TARGET=fuzz_<name>. */
#include <config.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return FUZZ_TARGET(data, size);
}
