package org.jaznet.pipeline.cli;

public final class JaznetCli {
  public static void main(String[] args) {
    System.out.println("jaznet");
  }
}
