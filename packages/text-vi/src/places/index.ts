export { compileGazetteer, findPlaces, type Gazetteer } from './gazetteer.ts';
export type { GazetteerData, PlaceMatch, PlaceRecord, PlaceType } from './types.ts';
