// Whether dist/ is up to date with the sources, so that `npm start` builds only
// what changed, or nothing (DESIGN.md §8). Plain Node, no build tool imported:
// the check runs before every start and must cost milliseconds.
//
// main/build.mjs writes dist/build-stamp.json after a build: for each part it
// built (the hosts, bundled by esbuild; the renderer, built by Vite) a
// fingerprint of the part's inputs, taken before the build began, and the
// size and mtime of each output file as the build left it. A part is stale
// when the stamp has no entry for it, an input's content, name or presence
// differs (content is hashed: a file edited back and forth within one clock
// tick, or copied with its old mtime, still counts), or an output is missing
// or not the file that build wrote (e.g. another checkout's build replaced it).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The build scripts, the package's versions and the base TypeScript settings: every part depends on them. */
const COMMON_INPUTS = ['main/build.mjs', 'main/build-stamp.mjs', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.json'];

/**
 * Each part: the files and folders (walked recursively) its build reads, and
 * the files and folders it writes. The hosts never import renderer/ and the renderer
 * never imports main/ (eslint.config.js, import-x/no-restricted-paths).
 */
export const PARTS = {
  hosts: {
    label: 'Hosts',
    inputs: ['main', 'shared', ...COMMON_INPUTS],
    outputs: [
      'dist/start.cjs',
      'dist/electron/main.cjs',
      'dist/batch-worker.cjs',
      'dist/partner-import-worker.cjs',
      'dist/checkpoint-worker.cjs',
      'dist/team-admin.cjs',
      'dist/preload/preload.cjs',
    ],
  },
  renderer: {
    label: 'Oberfläche',
    inputs: ['renderer', 'shared', ...COMMON_INPUTS],
    outputs: ['dist/renderer'],
  },
};

export const PART_NAMES = /** @type {Array<keyof typeof PARTS>} */ (Object.keys(PARTS));

export const STAMP_FILE = 'dist/build-stamp.json';

/** Files under `relative` (a file or a folder, walked recursively), as sorted paths relative to `root` with '/'. */
function filesUnder(root, relative) {
  const absolute = path.join(root, relative);
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [relative];
  const found = [];
  for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
    const child = `${relative}/${entry.name}`;
    const kind = entry.isSymbolicLink() ? fs.statSync(path.join(root, child), { throwIfNoEntry: false }) : entry;
    if (kind?.isDirectory()) found.push(...filesUnder(root, child));
    else if (kind?.isFile()) found.push(child);
  }
  return found;
}

/** A hash of the names and contents of every input file of `part` (a missing input counts as absent, so adding it changes the hash). */
export function fingerprint(root, part) {
  const files = [...new Set(PARTS[part].inputs.flatMap((input) => filesUnder(root, input)))].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const content = fs.readFileSync(path.join(root, file));
    hash.update(`${file}\0${content.length}\0`).update(content).update('\0');
  }
  return hash.digest('hex');
}

/** Size and mtime of each output file of `part` (an output folder: of every file in it), or null when one is missing. */
function outputIdentity(root, part) {
  const identity = {};
  for (const output of PARTS[part].outputs) {
    const files = filesUnder(root, output);
    if (files.length === 0) return null;
    for (const file of files) {
      const stat = fs.statSync(path.join(root, file));
      identity[file] = `${stat.size}:${stat.mtimeMs}`;
    }
  }
  return identity;
}

function readStamp(root) {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(root, STAMP_FILE), 'utf8'));
    return stamp && typeof stamp === 'object' ? stamp : {};
  } catch {
    return {};
  }
}

function writeStamp(root, stamp) {
  const file = path.join(root, STAMP_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written whole and renamed: a start never reads half a stamp.
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(stamp, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

/** The parts whose dist/ output is missing or older than their inputs. */
export function staleParts(root) {
  const stamp = readStamp(root);
  return PART_NAMES.filter((part) => {
    const entry = stamp[part];
    if (!entry || typeof entry !== 'object') return true;
    const outputs = outputIdentity(root, part);
    if (outputs === null || JSON.stringify(outputs) !== JSON.stringify(entry.outputs)) return true;
    return fingerprint(root, part) !== entry.inputs;
  });
}

/** Before building `parts`: their entries go, so a build that fails or is cut short leaves them stale. */
export function forgetParts(root, parts) {
  const stamp = readStamp(root);
  for (const part of parts) delete stamp[part];
  writeStamp(root, stamp);
}

/** After building: `inputs` maps each built part to the fingerprint taken before its build began. */
export function recordParts(root, inputs) {
  const stamp = readStamp(root);
  for (const [part, fingerprintBefore] of Object.entries(inputs)) {
    const outputs = outputIdentity(root, part);
    if (outputs === null) throw new Error(`Der Bau von ${PARTS[part].label} hat nicht alle Dateien geschrieben.`);
    stamp[part] = { inputs: fingerprintBefore, outputs };
  }
  writeStamp(root, stamp);
}
