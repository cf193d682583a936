// Fetches bge-small-zh-v1.5 (int8) from the Maven Central jar, lays it out for transformers.js in
// embeddings/model/bge-small-zh-v1.5/ and checks it against manifest.json. Run through fetch.sh.
// With --optional, failing to get the model is a note (exit 0), because the lexical fallback still works.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_MODEL_DIR, MODEL_SOURCE_DIR, readManifest, verifyModelFolder } from './model-files.ts';

class FetchFailure extends Error {}

const optional = process.argv.includes('--optional');
const manifest = readManifest();
const [, , artifactVersion] = manifest.artifact.split(':');
const buildDir = join(MODEL_SOURCE_DIR, 'target');
const unpackDir = join(buildDir, 'unpacked');

function log(message: string): void {
  process.stderr.write(`model: ${message}\n`);
}

function runMaven(): void {
  const probe = spawnSync('mvn', ['-v'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) throw new FetchFailure('Maven (mvn) is not installed or does not run');
  log(`fetching ${manifest.artifact} from Maven Central`);
  const maven = spawnSync(
    'mvn',
    ['-q', '-B', '-f', join(MODEL_SOURCE_DIR, 'pom.xml'), `-Dbge.version=${artifactVersion}`, `-Dunpack.dir=${unpackDir}`, 'generate-resources'],
    // Captured and shown only on failure: stdout stays free for callers that print JSON from their own command.
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (maven.status !== 0) process.stderr.write(`${maven.stdout ?? ''}${maven.stderr ?? ''}`);
  if (maven.error || maven.status !== 0) throw new FetchFailure(`mvn failed (exit ${maven.status ?? maven.error?.message})`);
}

async function layOutModel(): Promise<void> {
  const stagingDir = join(buildDir, `staging-${process.pid}`);
  rmSync(stagingDir, { recursive: true, force: true });
  for (const file of manifest.files) {
    const source = join(unpackDir, file.jarEntry);
    if (!existsSync(source)) throw new FetchFailure(`${file.jarEntry} is not in the jar`);
    const target = join(stagingDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
  }
  for (const file of manifest.writtenFiles) copyFileSync(join(MODEL_SOURCE_DIR, file), join(stagingDir, file));
  const problems = await verifyModelFolder(stagingDir, manifest);
  if (problems.length > 0) {
    rmSync(stagingDir, { recursive: true, force: true });
    throw new FetchFailure(`the unpacked files do not match manifest.json: ${problems.join('; ')}`);
  }
  // Swap the verified folder in whole, so a reader never sees a half-written model.
  rmSync(DEFAULT_MODEL_DIR, { recursive: true, force: true });
  renameSync(stagingDir, DEFAULT_MODEL_DIR);
}

async function main(): Promise<void> {
  if ((await verifyModelFolder(DEFAULT_MODEL_DIR, manifest)).length === 0) {
    log(`already present and verified in ${DEFAULT_MODEL_DIR}`);
    return;
  }
  runMaven();
  await layOutModel();
  log(`bge-small-zh-v1.5 (int8) ready and verified in ${DEFAULT_MODEL_DIR}`);
}

try {
  await main();
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  if (!(error instanceof FetchFailure) || !optional) {
    log(`error: ${reason}`);
    process.exit(1);
  }
  process.stderr.write(
    [
      `note: the embedding model was not fetched (${reason}).`,
      '  Semantic search is off until it is: the clearly-labelled lexical fallback embedder is used instead.',
      '  To get the model, install Maven and a JDK, then run `npm run model:fetch`',
      `  (it takes ${manifest.artifact} from Maven Central and unpacks it into ${DEFAULT_MODEL_DIR}),`,
      '  or set POLICY_GRAPH_MODEL_DIR to a folder holding config.json, tokenizer.json, tokenizer_config.json',
      '  and onnx/model_quantized.onnx.',
      '',
    ].join('\n'),
  );
}
