import KaimenKit
print("kaimen")
