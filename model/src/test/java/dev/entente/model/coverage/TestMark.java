package dev.entente.model.coverage;

/** Marks for the facility's own tests. */
enum TestMark implements CoverageMark {
  ALPHA("the first test path"),
  BETA("the second test path"),
  GAMMA("the third test path");

  private final String description;

  TestMark(String description) {
    this.description = description;
  }

  @Override
  public String markName() {
    return CoverageMark.nameOf(this);
  }

  @Override
  public String description() {
    return description;
  }
}
