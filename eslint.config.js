// ESLint over the site's scripts (overrides/assets; scripts/test.sh runs it): ES modules in the browser.
// ESLint's recommended rules, and a few more that each catch a real bug rather than a matter of style.
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    files: ["overrides/assets/**/*.js"],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
    rules: {
      ...js.configs.recommended.rules,
      "array-callback-return": "error",          // a map/filter/find callback that forgets to return
      eqeqeq: ["error", "always"],               // == that converts: "1" == 1, null == undefined
      "no-implied-eval": "error",                // setTimeout("code") and the like
      "no-new-func": "error",
      "no-promise-executor-return": "error",
      "no-self-compare": "error",
      "no-template-curly-in-string": "error",    // "${x}" meant as a template
      "no-unmodified-loop-condition": "error",
      "no-unreachable-loop": "error",
    },
  },
];
