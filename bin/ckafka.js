#!/usr/bin/env node
// The installed entry point: runs the compiled CLI and exits with its status.
import { runProcess } from '../dist/main.js';

runProcess();
