// @nhipcau/text-vi — Vietnamese text analysis as pure functions. Imports nothing from the app,
// performs no I/O and loads no model on import: models are plain objects passed in.
