import type { TranslationEngine } from './engine.js';
import { createIdentityEngine } from './identity.js';
import { createPseudoEngine } from './pseudo.js';

/** Engines that run offline, with no settings. The AWS engines are built from their own settings. */
export const OFFLINE_ENGINES = ['identity', 'pseudo'] as const;
export type OfflineEngineName = (typeof OFFLINE_ENGINES)[number];

export function isOfflineEngine(name: string): name is OfflineEngineName {
  return (OFFLINE_ENGINES as readonly string[]).includes(name);
}

export function createOfflineEngine(name: OfflineEngineName): TranslationEngine {
  return name === 'identity' ? createIdentityEngine() : createPseudoEngine();
}
