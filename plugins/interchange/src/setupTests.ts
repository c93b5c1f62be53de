import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The shared CI machine renders material-table pages slowly; the default
// 1 s for findBy* makes those tests flaky, not stricter.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
