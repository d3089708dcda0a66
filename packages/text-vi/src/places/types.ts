// The gazetteer data file's shape (data/places-quan-10.json documents each field) and match results.

export type PlaceType = 'district' | 'ward' | 'street' | 'market' | 'landmark' | 'school' | 'hospital';

export interface PlaceRecord {
  id: string;
  name: string;
  type: PlaceType;
  aliases?: string[];
  contextAliases?: string[];
  strictAliases?: string[];
  ambiguous?: boolean;
  strict?: boolean;
  /** A strict name that, written with capitals inside a sentence, is the place ("cây đổ ở Vĩnh Viễn", not "vĩnh viễn" forever). */
  capitalised?: boolean;
  parents?: string[];
  successors?: string[];
  formerWards?: string[];
  formerNames?: string[];
  validFrom?: string;
  validUntil?: string;
  gso?: string;
  code?: string;
  address?: string;
  source?: string;
  notes?: string;
}

export interface GazetteerData {
  about?: unknown;
  abbreviations?: Record<string, string>;
  prefixes?: Partial<Record<PlaceType, string[]>>;
  cues?: Partial<Record<PlaceType, string[]>>;
  weakCues?: Partial<Record<PlaceType, string[]>>;
  cuesAfter?: Partial<Record<PlaceType, string[]>>;
  weakCuesAfter?: Partial<Record<PlaceType, string[]>>;
  notBefore?: string[];
  notAfter?: string[];
  otherDistricts?: string[];
  countWords?: string[];
  numberCues?: string[];
  numberCuesAfter?: string[];
  surnames?: string[];
  places: PlaceRecord[];
}

export interface PlaceMatch {
  id: string;
  name: string;
  type: PlaceType;
  /** Offsets into the original text (UTF-16 units), end exclusive. */
  start: number;
  end: number;
}
