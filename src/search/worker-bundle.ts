/**
 * A worker thread's code as plain JavaScript, so that the worker starts without tsx, several times
 * faster (tsx also starts a loader thread of its own in each worker, which competes with the build
 * for the cores; figures in bench/results.md). The code is bundled with esbuild (the compiler tsx itself uses)
 * into a cache folder, once for each version of its sources: a bundle's folder is named by a hash
 * of the contents of the files it was built from, so a changed source is never served stale.
 * Packages stay imported from node_modules.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { writeFileAtomicSync } from '../util/atomic-write.ts';

/** What the cache remembers of the latest bundle of an entry: the files it was built from. */
interface BundleManifest {
  inputs: string[];
}

/** The hash of the contents of these files (an error if one cannot be read). */
function hashOfFiles(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/**
 * The path of a bundle of the TypeScript module `entry` (an absolute path) in `cacheDir`, built
 * now unless a bundle of the current contents of its sources is there already; null when it can
 * be neither found nor built and written (the caller then runs the TypeScript through tsx).
 */
export function bundledWorker(entry: string, cacheDir: string): string | null {
  const name = basename(entry).replace(/\.[cm]?ts$/, '');
  const output = (hash: string) => join(cacheDir, `${name}-${hash}`, `${name}.mjs`);
  // Checkouts that share a cache folder (a linked node_modules) each keep their own manifest.
  const manifestPath = join(
    cacheDir,
    `${name}.${createHash('sha256').update(entry).digest('hex').slice(0, 12)}.json`,
  );
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BundleManifest;
    const current = output(hashOfFiles(manifest.inputs));
    if (existsSync(current)) return current;
  } catch {
    // No bundle yet, or one of its sources is gone: build.
  }
  try {
    mkdirSync(cacheDir, { recursive: true });
    const building = join(cacheDir, `.${name}-${process.pid}-${Date.now()}`);
    const workingDir = dirname(entry);
    const result = buildSync({
      entryPoints: [entry],
      absWorkingDir: workingDir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      outdir: building,
      outExtension: { '.js': '.mjs' },
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile?.inputs ?? {}).map((input) => resolve(workingDir, input));
    const hash = hashOfFiles(inputs);
    const folder = dirname(output(hash));
    try {
      renameSync(building, folder);
    } catch (error) {
      // Another process has just put the same bundle there: use theirs.
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(output(hash))) throw error;
    }
    // Another process may write the same manifest at the same time: each writes it whole.
    writeFileAtomicSync(manifestPath, JSON.stringify({ inputs } satisfies BundleManifest));
    removeOtherBundles(cacheDir, name, basename(folder));
    return output(hash);
  } catch {
    return null;
  }
}

/** Bundles of other versions are removed once they are this old (a running process may still use one). */
const STALE_MS = 24 * 60 * 60 * 1000;

/** Removes the bundles of earlier versions of an entry that are more than STALE_MS old. */
function removeOtherBundles(cacheDir: string, name: string, keep: string): void {
  for (const entry of readdirSync(cacheDir)) {
    if (entry === keep || !entry.startsWith(`${name}-`) || entry.endsWith('.json')) continue;
    const path = join(cacheDir, entry);
    if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** The project's bundle cache, shared by every worker it starts. */
const PROJECT_BUNDLE_CACHE = fileURLToPath(
  new URL('../../node_modules/.cache/coverage-bot/', import.meta.url),
);
const scripts = new Map<string, string | URL>();

/**
 * The script a worker of the project runs: the bundle of its TypeScript `entry`, which starts
 * quickly, or else `fallback`, JavaScript that runs the TypeScript through tsx. Found once per entry.
 */
export function workerScript(entry: URL, fallback: URL): string | URL {
  let script = scripts.get(entry.href);
  if (script === undefined) {
    script = bundledWorker(fileURLToPath(entry), PROJECT_BUNDLE_CACHE) ?? fallback;
    scripts.set(entry.href, script);
  }
  return script;
}
