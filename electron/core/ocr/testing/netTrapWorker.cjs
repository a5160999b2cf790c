/**
 * Test instrument: tesseract.js's own Node worker script, with the network trapped first
 * (netTrap.cjs). The no-network test passes this file as the engine's `workerPath`.
 */
'use strict';

require('./netTrap.cjs').install();
require('tesseract.js/src/worker-script/node/index.js');
