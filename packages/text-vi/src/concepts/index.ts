export { compileConcepts, matchConcepts, type CompiledConcepts, type ConceptRecord, type ConceptsData } from './concepts.ts';
