// Entry of the server's worker threads (src/server/work/pool.ts): the TypeScript sources load through tsx here as
// in bin/policy-graph.js, since a worker does not inherit the main thread's module hooks.
import { register } from 'tsx/esm/api';

register();
const { default: runTask } = await import('./tasks.ts');
export default runTask;
