/** Set by test/jest-no-console.js: the current test may print (tables of figures). */
declare function allowConsole(): void;
