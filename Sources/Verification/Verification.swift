/// `foiapipe verify`: proves the public folder holds none of the audited original strings.
public enum Verification {}
