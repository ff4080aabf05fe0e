// Builds the same synthetic corpus of MDX guides with this project and with
// Starlight, and prints build time (which includes the search index in both)
// and average page size. Not a test; it installs Starlight into a temporary
// folder from the npm registry the first time.
// Usage: node bench/build-vs-starlight.ts [pages ...]   (default: 100 1000)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const pageCounts = sizes.length ? sizes : [100, 1000];
const glossary = JSON.parse(readFileSync(join(root, 'src/content/data/glossary.json'), 'utf8')) as { term: string }[];
const astroVersion = JSON.parse(readFileSync(join(root, 'node_modules/astro/package.json'), 'utf8')).version as string;

/** A small deterministic random source, so both builds get exactly the same corpus. */
function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}

const openings = ['You can ask', 'The Met will tell you', 'If you are unhappy,', 'Before you write,', 'MOPAC may check', 'Your letter should say', 'The IOPC can look at', 'Most people find that'];
const middles = ['how the', 'why the', 'when the', 'whether the', 'what the', 'who handles the'];
const endings = ['was handled.', 'will be checked.', 'affects you.', 'can be changed.', 'needs a review.', 'was recorded.'];

function guideBody(n: number): string {
  const next = random(n + 1);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const sections: string[] = [];
  for (let s = 0; s < 6; s++) {
    const paragraphs: string[] = [];
    for (let p = 0; p < 3; p++) {
      const sentences = Array.from({ length: 5 }, () => `${pick(openings)} ${pick(middles)} ${pick(glossary).term} ${pick(endings)}`);
      paragraphs.push(sentences.join(' '));
    }
    sections.push(`## Part ${s + 1} of guide ${n}\n\n${paragraphs.join('\n\n')}\n\n- ${pick(glossary).term}\n- ${pick(glossary).term}\n- ${pick(glossary).term}`);
  }
  return sections.join('\n\n');
}

function writeCorpus(dir: string, count: number, frontmatter: (n: number) => string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let n = 1; n <= count; n++) writeFileSync(join(dir, `synthetic-guide-${n}.mdx`), `---\n${frontmatter(n)}\n---\n\n${guideBody(n)}\n`);
}

function timeBuild(cwd: string, astroBin: string): number {
  const started = performance.now();
  // A large corpus logs megabytes; the default 1 MB output buffer would kill the build.
  const result = spawnSync(process.execPath, [astroBin, 'build'], { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`Build failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  return (performance.now() - started) / 1000;
}

function averagePage(dir: string): { html: number; gzip: number } {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'index.html' && p.includes('synthetic-guide-')) files.push(p);
    }
  };
  walk(dir);
  const html = files.reduce((sum, f) => sum + statSync(f).size, 0) / files.length;
  const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0) / files.length;
  return { html, gzip };
}

function thisProject(work: string): string {
  const dir = join(work, 'project');
  mkdirSync(dir, { recursive: true });
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  // Link each package, but not Astro's and Vite's caches, so the copy never reads or writes the project's own cache.
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue;
    symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  return dir;
}

function starlightProject(work: string): string {
  const dir = join(work, 'starlight');
  mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'starlight-bench', private: true, type: 'module', dependencies: { astro: astroVersion, '@astrojs/starlight': '^0.42.0', '@astrojs/markdown-remark': '^7.3.0' } }, null, 2));
  writeFileSync(join(dir, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Benchmark' })] });\n`);
  writeFileSync(join(dir, 'src/content.config.ts'), `import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`);
  console.log('Installing Starlight into a temporary folder...');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

const work = mkdtempSync(join(tmpdir(), 'build-bench-'));
try {
  const ours = thisProject(work);
  const theirs = starlightProject(work);
  const rows: string[] = [];
  for (const count of pageCounts) {
    writeCorpus(join(ours, 'src/content/guides'), count, (n) =>
      [`title: Synthetic guide ${n}`, `summary: A generated guide used only to measure build speed.`, `section: complaining-about-the-met`, `order: ${n}`, 'lastReviewed: 2026-11-23', 'reviewBy: 2027-05-23', 'sources:', '  - title: Benchmark corpus', '    url: https://example.org/', '    accessed: 2026-11-23'].join('\n'),
    );
    writeCorpus(join(theirs, 'src/content/docs'), count, (n) => `title: Synthetic guide ${n}\ndescription: A generated guide used only to measure build speed.`);
    writeFileSync(join(theirs, 'src/content/docs/index.mdx'), '---\ntitle: Home\n---\n\nBenchmark home.\n');
    const ourTime = timeBuild(ours, join(root, 'node_modules/astro/bin/astro.mjs'));
    const theirTime = timeBuild(theirs, join(theirs, 'node_modules/astro/bin/astro.mjs'));
    const ourPage = averagePage(join(ours, 'dist/client'));
    const theirPage = averagePage(join(theirs, 'dist'));
    rows.push(
      `${String(count).padStart(5)} pages: this project ${ourTime.toFixed(1)} s, Starlight ${theirTime.toFixed(1)} s, ratio ${(ourTime / theirTime).toFixed(2)}; ` +
        `average page ${(ourPage.html / 1024).toFixed(1)} KB (${(ourPage.gzip / 1024).toFixed(1)} KB gzipped) against ${(theirPage.html / 1024).toFixed(1)} KB (${(theirPage.gzip / 1024).toFixed(1)} KB gzipped)`,
    );
    console.log(rows.at(-1));
  }
  console.log('\nBuild time includes the search index of each (Pagefind for Starlight, our own index here). Ratio below 1 means this project builds faster.');
} finally {
  if (!existsSync(join(work, 'keep'))) rmSync(work, { recursive: true, force: true });
}
