// The GraphStore contract against the embedded SQLite store, each test on a fresh data folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { graphStoreContract } from './graph-store.contract.ts';

let dataDir = mkdtempSync(join(tmpdir(), 'policy-graph-contract-'));

graphStoreContract(
  'embedded',
  async () => openEmbeddedStore(dataDir),
  async () => {
    rmSync(dataDir, { recursive: true, force: true });
    dataDir = mkdtempSync(join(tmpdir(), 'policy-graph-contract-'));
  },
);
