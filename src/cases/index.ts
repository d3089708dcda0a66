// The face of cases (see README.md): figures and routing rules for the brief, API keys for the CLI, the demo.
export { seedCasesDemo } from './demo.ts';
export { createKey } from './open311/keys.ts';
export { addWorkingDays } from './sla.ts';
export { listRules, suggestOwner, type RoutingInput, type Suggestion } from './routing.ts';
export { periodSummary, type PeriodSummary } from './stats.ts';
