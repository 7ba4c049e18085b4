// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.cache/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Layering (see STYLE.md): only src/kafka imports kafkajs, only src/format imports chalk,
      // only src/config imports cosmiconfig.
      'no-restricted-imports': ['error', { paths: [
        { name: 'kafkajs', message: 'Only src/kafka/ may import kafkajs.' },
        { name: 'chalk', message: 'Only src/format/ may import chalk.' },
        { name: 'cosmiconfig', message: 'Only src/config/ may import cosmiconfig.' },
      ] }],
    },
  },
  { files: ['src/kafka/**', 'test/**', 'bench/**', 'scripts/**'], rules: { 'no-restricted-imports': 'off' } },
  // The entry point is CommonJS (bin/package.json): Node starts no ES module loader for it; so is
  // bench/node-compile-cache.cjs, which stands in for it.
  {
    files: ['bin/**/*.js', 'bench/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['src/format/**'], rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'kafkajs', message: 'Only src/kafka/ may import kafkajs.' }, { name: 'cosmiconfig', message: 'Only src/config/ may import cosmiconfig.' }] }] } },
  { files: ['src/config/**'], rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'kafkajs', message: 'Only src/kafka/ may import kafkajs.' }, { name: 'chalk', message: 'Only src/format/ may import chalk.' }] }] } },
);
