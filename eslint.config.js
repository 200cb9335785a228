import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'data/', 'node_modules/', 'src/admin-ui/api/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // A pg pool or client without an 'error' listener ends the process when its connection is lost.
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ignores: ['src/database/connections.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.object.name='pg'][callee.property.name=/^(Pool|Client)$/]",
          message: 'Open connections with openPool or openClient (src/database/connections.ts): they listen for lost connections.',
        },
      ],
    },
  },
  {
    files: ['src/admin-ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/**/domain/**/*.ts', 'src/rulebook/**/*.ts', 'src/shared/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'typeorm', 'pg', 'class-validator', 'class-transformer'] }],
    },
  },
);
