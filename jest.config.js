// The managed base lives in .config/; project-specific additions go here.
module.exports = require('./.config/jest.config');
