/** Agent workflows: a graph of nodes (subagents, tools, transfers, end) the conversation moves through. */
package dev.timbre.agent.workflow;
