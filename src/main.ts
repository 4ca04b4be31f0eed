/**
 * The Action's wiring: the real toolkit, the real sync and the engine factory. Kept apart from
 * src/index.ts so tests drive the same wiring without the module running on import.
 */
import { createToolkitCore, run, type ActionDependencies, type ActionsCore } from './action/run.js';
import { createEngine, listPriceOf, type EngineContext, type OpenEngine } from './engines/createEngine.js';
import { syncBook } from './sync/syncBook.js';
import { createParallelPreparer } from './workers/syncPreparer.js';
import { defaultJobs } from './workers/pool.js';

export interface ActionWiring extends ActionDependencies {
  /** Releases what the engines of this run hold open (SDK clients), so the process can exit. */
  closeEngines(): void;
}

export function wireAction(core: ActionsCore, engineContext: Omit<EngineContext, 'log'> = {}): ActionWiring {
  const opened: OpenEngine[] = [];
  const log = (message: string): void => core.info(message);
  return {
    core,
    sync: (options, engine) => {
      // Dry runs plan with an offline engine the factory never built, priced as the configured engine.
      const price = listPriceOf(engine);
      return syncBook(options, engine, {
        log,
        prepareChapters: createParallelPreparer(defaultJobs(), log),
        ...(price === undefined ? {} : { pricePerMillionUsd: price }),
      });
    },
    createEngine: async (request) => {
      const engine = await createEngine(request, { ...engineContext, log });
      opened.push(engine);
      return engine;
    },
    closeEngines: () => {
      for (const engine of opened.splice(0)) engine.close();
    },
  };
}

export async function main(): Promise<void> {
  const wiring = wireAction(createToolkitCore());
  try {
    await run(wiring);
  } finally {
    wiring.closeEngines();
  }
}
