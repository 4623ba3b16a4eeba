// The build failed on the gate, listing both violations with Sid and file:line, after the report.
def log = new File(basedir, 'build.log').text
assert log.contains('IAMUnit coverage checks have not been met (2 violations):')
assert log.contains('Rule violated for template iam/ec2.json: statements covered ratio is 0.50, but expected minimum is 0.80; missed:')
assert log.contains('Allow AllowRun (iam/ec2.json:5)')
assert log.contains('Required Sid AllowRun (iam/ec2.json:5, Allow in Ec2) was not exercised by any test')
assert new File(basedir, 'target/iamunit/html/index.html').isFile()
assert new File(basedir, 'target/iamunit/coverage.json').text.contains('"format" : "iamunit-coverage/2"')
assert new File(basedir, 'target/iamunit/iamunit.sarif').text.contains('iamunit/coverage-rule')
return true
