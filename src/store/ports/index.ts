/**
 * The store's ports, in one place: every repository the core reaches, all async so a
 * networked database fits. Implementations: ../sqlite (embedded default) and
 * ../postgres (replicas). See docs/design.md, "Store".
 */
export type * from './quiz.js';
export type * from './lookups.js';
export type * from './lookup-evidence.js';
export type * from './reports.js';
export type * from './console.js';
export type * from './digests.js';
export type * from './insights.js';
export type * from './store.js';
export type * from './channel-banks.js';
