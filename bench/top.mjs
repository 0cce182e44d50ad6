// Reads a V8 .cpuprofile (`BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" BENCH_ONLY=letter npm run bench`)
// and prints where the time went: the top functions by self time, and self time by package
// (fontkit, pdfkit, pdfmake, … and Lotse's own code). `node bench/top.mjs FILE [N]`.
import fs from 'node:fs';

const [file, top = '25'] = process.argv.slice(2);
if (!file) {
  console.error('Aufruf: node bench/top.mjs PROFIL.cpuprofile [N]');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let index = 0; index < profile.samples.length; index += 1) {
  self.set(profile.samples[index], (self.get(profile.samples[index]) ?? 0) + (deltas[index] ?? 0));
}
const idle = new Set(['(idle)', '(program)', '(root)']);
const functions = new Map();
const packages = new Map();
let busy = 0;
const packageOf = (url, name) => {
  if (name === '(garbage collector)') return 'GC';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (url.startsWith('node:') || url === '') return url === '' ? 'native / V8' : 'node';
  // The bench bundles Lotse's own code (main/, shared/) into bench/dist/run.cjs.
  if (/\/(main|shared)\//.test(url) || url.endsWith('bench/dist/run.cjs')) return 'Lotse (and the bench)';
  return 'other';
};
for (const [id, micros] of self) {
  const node = byId.get(id);
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  if (idle.has(name)) continue;
  busy += micros;
  const key = `${name}  ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(main|shared|bench)\//, '$1/')}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + micros);
  const pkg = packageOf(url, name);
  packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
}
const percent = (micros) => `${((100 * micros) / busy).toFixed(1).padStart(5)} %`;
console.log(`busy ${(busy / 1000).toFixed(0)} ms (idle and program left out)\n\nby package:`);
for (const [pkg, micros] of [...packages].sort((a, b) => b[1] - a[1])) console.log(`${percent(micros)}  ${pkg}`);
console.log(`\ntop ${top} functions by self time:`);
for (const [key, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${percent(micros)}  ${key}`);
