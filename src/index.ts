// The Action's entry (dist/index.js): the only module that does something when imported.
import { main } from './main.js';

await main();
