/**
 * Reading a whole file in one read: `fs.promises.readFile` reads in 512 KiB chunks, one trip
 * through the thread pool each, which costs a large corpus or saved index hundreds of
 * milliseconds on a busy machine; one read of the file's size costs one trip.
 */
import { open } from 'node:fs/promises';

/**
 * The bytes of `file`, read with as few reads as the system allows. Rejects like `readFile`
 * (ENOENT and the rest). A file that shrinks while read gives the bytes that were there.
 */
export async function readWholeFile(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafeSlow(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(buffer, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === size ? buffer : buffer.subarray(0, at);
  } finally {
    await handle.close();
  }
}
