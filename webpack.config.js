// The managed base lives in .config/webpack; project-specific changes go here.
module.exports = require('./.config/webpack/webpack.config');
