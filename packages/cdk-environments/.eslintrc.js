module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // CDK assertions (template.hasResourceProperties, resourceCountIs, ...) are assertions.
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'template.*'] },
    ],
  },
});
