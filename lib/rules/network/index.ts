// The network pack: the agent must not expose this machine — no tunnels to the internet, no
// firewall switched off, no server listening on every interface when 127.0.0.1 would do — nor cut
// it off the network (interfaces, routes, the network service taken down).
import type { Rule } from '../define.js';
import bindAllInterfaces from './bind-all-interfaces.js';
import firewallDisable from './firewall-disable.js';
import interfaceDown from './interface-down.js';
import tunnel from './tunnel.js';

export const NETWORK_RULES: readonly Rule[] = [tunnel, firewallDisable, bindAllInterfaces, interfaceDown];
