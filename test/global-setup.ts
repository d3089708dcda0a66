// Placeholder until the database template is prepared here (see test/db.ts).
export default async function setup(): Promise<void> {}
