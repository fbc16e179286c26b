import Foundation
import Testing

@testable import Verification
