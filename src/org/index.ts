// The face of org (see README.md): the organisation tree, its directory in memory, and its table for joins.
export { demoUnits, type DemoUnit } from './demo.ts';
export { SCHOOL_LEVELS, UNIT_KINDS, units, type NewUnit, type SchoolLevel, type Unit, type UnitKind } from './schema.ts';
export { UnitTree } from './tree.ts';
export { slugOf, UnitDirectory } from './units.ts';
