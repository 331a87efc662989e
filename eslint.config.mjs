// ESLint flat config: the Office add-in plugin's recommended rules (it brings typescript-eslint and
// Prettier with office-addin-prettier-config), TypeScript parsing for .ts/.tsx, and project rules.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**", "**/*.cjs", "**/*.mjs", "webpack.config.js"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: "latest", sourceType: "module", ecmaFeatures: { jsx: true } },
    },
    rules: {
      // TypeScript checks names; the core rule does not know TS globals.
      "no-undef": "off",
      "no-unused-vars": "off",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    // The core is pure: no Office.js, no Node APIs, no I/O libraries.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["fs", "path", "os", "child_process", "node:*", "exceljs", "docx", "react", "react-dom"] },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "process", "require", "Buffer"],
    },
  },
];
