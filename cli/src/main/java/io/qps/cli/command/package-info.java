/**
 * The subcommands of {@code qps}. Each is a small picocli {@code @Command} class that reads the shared cluster
 * settings from its parent ({@code @ParentCommand Qps qps; qps.clusterSettings()}), calls into the module that does
 * the work, and prints to {@code spec.commandLine().getOut()}. To add one, write the class here and list it in
 * {@link io.qps.cli.Qps}'s {@code subcommands}.
 */
package io.qps.cli.command;
