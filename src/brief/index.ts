// The face of the brief (see README.md): the brief of a period as a file, and its arguments checked.
export { checkBriefArgs } from './args.ts';
export { BRIEF_FORMATS, briefFileName, buildBrief, type BriefFormat } from './render.ts';
