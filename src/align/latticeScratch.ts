/**
 * Work arrays of the lattice, kept between calls and grown when needed: a book is aligned in thousands of small
 * groups, and allocating fresh arrays for each kept the collector busy. Each call fills what it uses first.
 */
export class LatticeScratch {
  private readonly floatBuffers: Float64Array[] = [];
  private readonly intBuffers: Int32Array[] = [];
  private readonly choiceBuffers: Int8Array[] = [];

  floats(slot: number, size: number): Float64Array {
    return grown(this.floatBuffers, slot, size, (length) => new Float64Array(length)).subarray(0, size);
  }

  ints(slot: number, size: number): Int32Array {
    return grown(this.intBuffers, slot, size, (length) => new Int32Array(length)).subarray(0, size);
  }

  choices(size: number): Int8Array {
    return grown(this.choiceBuffers, 0, size, (length) => new Int8Array(length)).subarray(0, size);
  }
}

/** The buffer in `slot`, replaced by one at least twice as long when it holds fewer than `size` items. */
function grown<Buffer extends { readonly length: number }>(
  buffers: Buffer[],
  slot: number,
  size: number,
  allocate: (length: number) => Buffer,
): Buffer {
  let buffer = buffers[slot];
  if (buffer === undefined || buffer.length < size) {
    buffer = allocate(Math.max(size, 2 * (buffer?.length ?? 0)));
    buffers[slot] = buffer;
  }
  return buffer;
}

/** The one set of work arrays: alignment runs one lattice at a time per thread. */
export const scratch = new LatticeScratch();
