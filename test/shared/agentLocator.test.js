// @ts-check
const { locatorParts } = require('../../dist/nodes/shared/locators');

test('a locator gives its mode and trimmed value; plain text is an ID; nothing is an empty value', () => {
	expect(locatorParts({ __rl: true, mode: 'email', value: '  alex@contoso.com ' })).toEqual({ mode: 'email', value: 'alex@contoso.com' });
	expect(locatorParts({ __rl: true, mode: 'list', value: 'ab-12' })).toEqual({ mode: 'list', value: 'ab-12' });
	expect(locatorParts(' 3f2c ')).toEqual({ mode: 'id', value: '3f2c' });
	expect(locatorParts(42)).toEqual({ mode: 'id', value: '42' });
	expect(locatorParts(undefined)).toEqual({ mode: 'id', value: '' });
	expect(locatorParts({ __rl: true, mode: 'id', value: null })).toEqual({ mode: 'id', value: '' });
});
