// Starts the repository's Azurite (same arguments as its own azurite.js) with its LokiJS metadata saved to disk every
// FEED_BENCH_AZURITE_SAVE_SECONDS (default 300) instead of every 5 s. Each save rewrites the whole metadata file in
// one blocking step: at 50,000 ingested articles (236 MB) that held Azurite's only thread about 3.8 s in every 5,
// so ingestion slowed to a few articles per second. Azurite still saves everything when it is stopped.
const path = require("node:path");

const azurite = path.resolve(__dirname, "../../node_modules/azurite");
const Loki = require(require.resolve("lokijs", { paths: [azurite] }));
const intervalMs = 1000 * Number(process.env.FEED_BENCH_AZURITE_SAVE_SECONDS ?? 300);

const autosaveEnable = Loki.prototype.autosaveEnable;
Loki.prototype.autosaveEnable = function (...args) {
  this.autosaveInterval = intervalMs;
  return autosaveEnable.apply(this, args);
};

require(path.join(azurite, "dist/src/azurite.js"));
