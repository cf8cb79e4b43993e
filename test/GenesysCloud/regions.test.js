// @ts-check
/** The credential's Genesys Cloud regions against the region hosts of Genesys' Platform API SDK. */
const fs = require('node:fs');
const path = require('node:path');
const endpoints = require('../../dist/nodes/GenesysCloud/transport/endpoints');

describe('Regions (defect 15)', () => {
	/** The SDK's region hosts, read from its source (`PureCloudRegionHosts`). */
	function sdkRegionHosts() {
		const file = path.join(path.dirname(require.resolve('purecloud-platform-client-v2/package.json')), 'src/purecloud-platform-client-v2/PureCloudRegionHosts.js');
		const text = fs.readFileSync(file, 'utf8');
		return Object.fromEntries([...text.matchAll(/(\w+):\s*'([^']+)'/g)].map((m) => [m[1].replace(/_/g, '-'), m[2]]));
	}

	test('the credential offers exactly the SDK\'s regions, eusc-de-east-1 (edee1.eusc-pure.cloud) included', () => {
		const sdk = sdkRegionHosts();
		expect(sdk['eusc-de-east-1']).toBe('edee1.eusc-pure.cloud');
		const ours = Object.fromEntries(
			endpoints.GENESYS_REGIONS.map((/** @type {any} */ r) => [r.name.split(' — ')[1], r.value]),
		);
		expect(ours).toEqual(sdk);
		expect(endpoints.genesysApiBase({ region: 'edee1.eusc-pure.cloud' })).toBe('https://api.edee1.eusc-pure.cloud');
		expect(endpoints.genesysTokenUrl({ region: 'edee1.eusc-pure.cloud' })).toBe('https://login.edee1.eusc-pure.cloud/oauth/token');
	});
});
